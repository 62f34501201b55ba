import { useEffect, useMemo, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { SIS_TYPES, saveCustomer, sisTypeLabel, type Customer } from '../api/customers';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatTime, localTimesIn } from '../format';
import { knownTimeZones } from './schedule';
import {
  checkSettings,
  instanceChoices,
  errorsFromServer,
  FIELD_PATHS,
  fieldLabel,
  formValuesOf,
  MAX_OPTIONS,
  MAX_TTL_MINUTES,
  MIN_TTL_MINUTES,
  optionRow,
  orderedErrorPaths,
  updateOf,
  type FieldKey,
  type FormErrors,
  type SettingsFormValues,
} from './settingsForm';

type Problem =
  | { kind: 'conflict'; detail: string }
  | { kind: 'forbidden' }
  | { kind: 'error'; error: ApiError };

const fieldId = (key: FieldKey) => `cs-${key}`;

/**
 * The admin's settings form: every field checked as the server checks it before the PUT, the
 * server's own 422 mapped onto the fields, 409 (saved by someone else meanwhile) and 403 explained.
 */
export function SettingsForm({
  client,
  customer,
  onSaved,
  onCancel,
  onReload,
  ourInstances,
}: {
  client: ApiClient;
  customer: Customer;
  /** The server's configured instances of our database (the catalogue's), when it names them. */
  ourInstances?: readonly string[];
  onSaved: (saved: Customer) => void;
  onCancel: () => void;
  /** Fetches the stored settings again (after a 409). */
  onReload: () => Promise<Customer>;
}) {
  const [base, setBase] = useState(customer);
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesOf(customer));
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  const instances = useMemo(() => instanceChoices(ourInstances, base.settings.ours?.instance), [ourInstances, base]);
  const zones = useMemo(() => knownTimeZones() ?? [], []);

  // Once a save was tried, fixing a field clears its message as the admin types.
  useEffect(() => {
    if (checked) setErrors(checkSettings(values, { instances }));
  }, [values, checked, instances]);

  useEffect(() => {
    if (!focusPath) return;
    setFocusPath(null);
    elementFor(focusPath)?.focus();
  });

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  // "Edit settings" goes away as the form opens: the admin continues in its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  function elementFor(path: string): HTMLElement | null {
    const form = formRef.current;
    if (!form) return null;
    const key = (Object.keys(FIELD_PATHS) as FieldKey[]).find((k) => FIELD_PATHS[k] === path);
    if (key === 'options') return form.querySelector<HTMLElement>('#cs-options input, #cs-options button');
    if (key) return form.querySelector<HTMLElement>(`#${fieldId(key)}`);
    if (path.startsWith(`${FIELD_PATHS.options}.`)) {
      const name = path.slice(FIELD_PATHS.options.length + 1);
      const row = values.options.find((r) => r.name.trim() === name);
      if (row) return form.querySelector<HTMLElement>(`#cs-option-value-${row.rowId}`);
    }
    return null;
  }

  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setGeneral([]);
    setChecked(true);
    const found = checkSettings(values, { instances });
    setErrors(found);
    const first = orderedErrorPaths(found)[0];
    if (first) {
      setFocusPath(first);
      return;
    }
    setBusy(true);
    try {
      onSaved(await saveCustomer(client, base.id, updateOf(values, base.updatedAt)));
    } catch (e) {
      const error = asApiError(e);
      setBusy(false);
      if (error.status === 422 && error.fieldErrors.length) {
        const mapped = errorsFromServer(error.fieldErrors);
        setChecked(false); // keep the server's messages until the next save
        setErrors(mapped.errors);
        setGeneral(mapped.general);
        setFocusPath(orderedErrorPaths(mapped.errors)[0] ?? null);
        if (!Object.keys(mapped.errors).length && !mapped.general.length) setProblem({ kind: 'error', error });
      } else if (error.status === 409) {
        setProblem({ kind: 'conflict', detail: localTimesIn(error.detail || error.title) });
      } else if (error.status === 403) {
        setProblem({ kind: 'forbidden' });
      } else {
        setProblem({ kind: 'error', error });
      }
    }
  }

  async function reload() {
    setBusy(true);
    try {
      const fresh = await onReload();
      setBase(fresh);
      setValues(formValuesOf(fresh));
      setErrors({});
      setGeneral([]);
      setChecked(false);
      setProblem(null);
      setFocusPath(FIELD_PATHS.name);
    } catch (e) {
      setProblem({ kind: 'error', error: asApiError(e) });
    } finally {
      setBusy(false);
    }
  }

  const errorPaths = orderedErrorPaths(errors);

  const field = (key: FieldKey, label: string, input: (props: InputProps) => ReactNode, help?: ReactNode) => {
    const path = FIELD_PATHS[key];
    const id = fieldId(key);
    const message = errors[path];
    const describedBy = [help ? `${id}-help` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {input({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy })}
        {help && (
          <p className="help" id={`${id}-help`}>
            {help}
          </p>
        )}
        {message && (
          <p className="field-error" id={`${id}-error`}>
            {fieldLabel(path)} {message}
          </p>
        )}
      </div>
    );
  };

  // Called as plain functions inside field(), not as components, so inputs keep focus while typing.
  const text =
    (key: 'name' | 'location' | 'secretRef' | 'customerKey' | 'ttlSis' | 'ttlOurs' | 'cron' | 'timezone', extra: InputHTMLAttributes<HTMLInputElement> = {}) =>
    (props: InputProps) => (
      <input
        {...props}
        {...extra}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    );

  const optionsError = errors[FIELD_PATHS.options];
  return (
    <form
      ref={formRef}
      className="settings-form"
      onSubmit={submit}
      noValidate
      aria-label="Edit settings"
      onKeyDown={(e) => {
        // Escape leaves an untouched form; with changes made, only Cancel discards them.
        if (e.key === 'Escape' && !busy && !e.defaultPrevented && JSON.stringify(updateOf(values)) === JSON.stringify(updateOf(formValuesOf(base)))) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {problem?.kind === 'conflict' && (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={problemRef}>
          <p className="notice-title">Someone else changed these settings</p>
          <p>{problem.detail}</p>
          <p>Reloading shows their version; your changes here are discarded, so make them again.</p>
          <BusyButton busy={busy} busyLabel="Reloading…" onClick={reload}>
            Reload settings
          </BusyButton>
        </div>
      )}
      {problem?.kind === 'forbidden' && (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={problemRef}>
          <p className="notice-title">Only admins can change settings</p>
          <p>Your account does not have the admin role. Ask an admin to make this change.</p>
        </div>
      )}
      {problem?.kind === 'error' && (
        <div tabIndex={-1} ref={problemRef}>
          <ErrorNotice error={problem.error} />
        </div>
      )}
      {(errorPaths.length > 0 || general.length > 0) && (
        <div className="notice notice-error error-summary" role="alert">
          <p className="notice-title">
            {errorPaths.length + general.length === 1
              ? 'One setting needs fixing before it can be saved:'
              : `${errorPaths.length + general.length} settings need fixing before they can be saved:`}
          </p>
          <ul>
            {errorPaths.map((path) => (
              <li key={path}>
                <a
                  href={`#${path}`}
                  onClick={(e) => {
                    e.preventDefault();
                    elementFor(path)?.focus();
                  }}
                >
                  {fieldLabel(path)} {errors[path]}
                </a>
              </li>
            ))}
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}

      <p className="help">
        Editing the settings saved {formatTime(base.updatedAt)}. Every change is recorded in the audit trail.
      </p>

      {field('name', 'Name', text('name', { maxLength: 250 }))}

      <fieldset className="settings">
        <legend>The district's SIS</legend>
        {field(
          'sisType',
          'SIS type',
          (props) => (
            <select {...props} value={values.sisType} onChange={(e) => set('sisType', e.target.value)}>
              {!(SIS_TYPES as readonly string[]).includes(values.sisType) && <option value={values.sisType}>{values.sisType || 'Choose…'}</option>}
              {SIS_TYPES.map((t) => (
                <option key={t} value={t}>
                  {sisTypeLabel(t)} ({t})
                </option>
              ))}
            </select>
          ),
        )}
        {field(
          'location',
          'SIS location',
          text('location'),
          values.sisType === 'oneroster-csv'
            ? 'The export file or folder, or the district’s server: sftp://host/folder, ftps://… or ftp://…'
            : 'The https:// address of the district’s API.',
        )}
        {field(
          'secretRef',
          'Secret reference',
          text('secretRef', { placeholder: 'aws-sm:cdt/district/sis' }),
          'Where the SIS credentials are kept (env:NAME, file:/path or aws-sm:NAME). Never paste the secret itself.',
        )}
        <fieldset id="cs-options" className="options" aria-describedby={optionsError ? 'cs-options-error cs-options-help' : 'cs-options-help'}>
          <legend>Connector options</legend>
          <p className="help" id="cs-options-help">
            Settings only this customer’s connector reads, e.g. <span className="mono">version</span>,{' '}
            <span className="mono">scope</span> or <span className="mono">hostKeyFingerprint</span> (at most {MAX_OPTIONS}).
          </p>
          {values.options.map((row, i) => {
            const valueError = row.name.trim() ? errors[`${FIELD_PATHS.options}.${row.name.trim()}`] : undefined;
            return (
              <div className="option-row" key={row.rowId}>
                <div>
                  <label htmlFor={`cs-option-name-${row.rowId}`}>Option {i + 1} name</label>
                  <input
                    id={`cs-option-name-${row.rowId}`}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    value={row.name}
                    aria-invalid={optionsError ? true : undefined}
                    onChange={(e) => set('options', values.options.map((r) => (r.rowId === row.rowId ? { ...r, name: e.target.value } : r)))}
                  />
                </div>
                <div>
                  <label htmlFor={`cs-option-value-${row.rowId}`}>Option {i + 1} value</label>
                  <input
                    id={`cs-option-value-${row.rowId}`}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    value={row.value}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? `cs-option-error-${row.rowId}` : undefined}
                    onChange={(e) => set('options', values.options.map((r) => (r.rowId === row.rowId ? { ...r, value: e.target.value } : r)))}
                  />
                  {valueError && (
                    <p className="field-error" id={`cs-option-error-${row.rowId}`}>
                      {fieldLabel(`${FIELD_PATHS.options}.${row.name.trim()}`)} {valueError}
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={`Remove option ${i + 1}${row.name ? ` (${row.name})` : ''}`}
                  onClick={() => set('options', values.options.filter((r) => r.rowId !== row.rowId))}
                >
                  Remove
                </button>
              </div>
            );
          })}
          {optionsError && (
            <p className="field-error" id="cs-options-error">
              {fieldLabel(FIELD_PATHS.options)} {optionsError}
            </p>
          )}
          <button type="button" className="button-secondary button-small" onClick={() => set('options', [...values.options, optionRow()])}>
            Add an option
          </button>
        </fieldset>
      </fieldset>

      <fieldset className="settings">
        <legend>Our database</legend>
        {field('instance', 'Our database instance', (props) => (
          <select {...props} value={values.instance} onChange={(e) => set('instance', e.target.value)}>
            {!instances.includes(values.instance) && <option value={values.instance}>{values.instance || 'Choose…'}</option>}
            {instances.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        ))}
        {field('customerKey', 'Customer key', text('customerKey'), 'The district’s key in our database.')}
      </fieldset>

      <fieldset className="settings">
        <legend>Snapshots</legend>
        <p className="help">
          How old a cached snapshot may be before a run fetches a fresh one: {MIN_TTL_MINUTES} to {MAX_TTL_MINUTES} minutes (one week).
        </p>
        <div className="field-pair">
          {field('ttlSis', 'SIS snapshot TTL (minutes)', text('ttlSis', { inputMode: 'numeric' }))}
          {field('ttlOurs', 'Our snapshot TTL (minutes)', text('ttlOurs', { inputMode: 'numeric' }))}
        </div>
      </fieldset>

      <fieldset className="settings">
        <legend>SIS sync schedule (optional)</legend>
        <div className="field-pair">
          {field(
            'cron',
            'Sync schedule (cron)',
            text('cron', { placeholder: '0 6 * * 1-5' }),
            'Minute, hour, day of the month, month, day of the week; e.g. 0 6 * * 1-5 is weekdays at 06:00.',
          )}
          {field(
            'timezone',
            'Timezone',
            text('timezone', { placeholder: 'America/Chicago', list: zones.length ? 'cs-timezones' : undefined }),
            'The district’s IANA timezone, e.g. America/Chicago.',
          )}
        </div>
        {zones.length > 0 && (
          <datalist id="cs-timezones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        )}
      </fieldset>

      <div className="actions">
        <BusyButton type="submit" className="button-primary" busy={busy} busyLabel="Saving…">
          Save settings
        </BusyButton>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}
