import { optionLabel, type Field, type FormErrors, type FormValue, type FormValues } from '../schema/form';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** The inputs generated from a tool's parameter schema. Controlled: the parent owns values and errors. */
export function ParameterForm({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: Field[];
  values: FormValues;
  errors: FormErrors;
  onChange: (name: string, value: FormValue) => void;
}) {
  if (fields.length === 0) {
    return <p className="muted">This tool has no settings.</p>;
  }
  return (
    <div className="parameters">
      {fields.map((field) => (
        <FieldInput key={field.name} field={field} value={values[field.name]} error={errors[field.name]} onChange={onChange} />
      ))}
    </div>
  );
}

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: Field;
  value: FormValue;
  error?: string;
  onChange: (name: string, value: FormValue) => void;
}) {
  const id = `param-${field.name}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(helpId, errorId),
  };
  const help = field.help && (
    <p className="help" id={helpId}>
      {field.help}
    </p>
  );
  const errorText = error && (
    <p className="field-error" id={errorId}>
      {error}
    </p>
  );
  const label = (
    <label htmlFor={id}>
      {field.label}
      {field.required && <span className="required"> (required)</span>}
    </label>
  );

  switch (field.kind) {
    case 'checkbox':
      return (
        <div className="field field-checkbox">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(field.name, e.target.checked)} />
          {label}
          {help}
          {errorText}
        </div>
      );
    case 'select':
      return (
        <div className="field">
          {label}
          <select
            {...common}
            required={field.required}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(field.name, e.target.value)}
          >
            {!field.required && <option value="">Tool default</option>}
            {field.options.map((option) => (
              <option key={option} value={option}>
                {optionLabel(option)}
              </option>
            ))}
          </select>
          {help}
          {errorText}
        </div>
      );
    case 'number':
      return (
        <div className="field">
          {label}
          <input
            {...common}
            type="number"
            inputMode={field.integer ? 'numeric' : 'decimal'}
            required={field.required}
            min={field.min ?? field.exclusiveMin}
            max={field.max ?? field.exclusiveMax}
            step={field.step ?? 'any'}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(field.name, e.target.value)}
          />
          {help}
          {errorText}
        </div>
      );
    case 'text':
      return (
        <div className="field">
          {label}
          <input
            {...common}
            type={field.inputType}
            required={field.required}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(field.name, e.target.value)}
          />
          {help}
          {errorText}
        </div>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset
          className="field field-multi"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(helpId, errorId)}
        >
          <legend>
            {field.label}
            {field.required && <span className="required"> (required)</span>}
          </legend>
          {field.options.map((option) => (
            <label key={option} className="check-option">
              <input
                type="checkbox"
                name={field.name}
                value={option}
                checked={chosen.includes(option)}
                onChange={(e) =>
                  onChange(
                    field.name,
                    e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option),
                  )
                }
              />
              {optionLabel(option)}
            </label>
          ))}
          {help}
          {errorText}
        </fieldset>
      );
    }
    case 'unsupported':
      return (
        <div className="field">
          <span className="label-like">{field.label}</span>
          <p className="help">This setting cannot be changed here; the tool's default is used.</p>
          {help}
        </div>
      );
  }
}
