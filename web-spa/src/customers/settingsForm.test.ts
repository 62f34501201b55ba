import { describe, expect, it } from 'vitest';
import type { Customer } from '../api/customers';
import {
  checkSettings,
  errorsFromServer,
  fieldLabel,
  formValuesOf,
  instanceChoices,
  optionRow,
  orderedErrorPaths,
  updateOf,
  type SettingsFormValues,
} from './settingsForm';

const customer: Customer = {
  id: 'demo',
  name: 'Demo Unified School District',
  updatedAt: '2026-11-29T10:00:00.123456Z',
  settings: {
    sis: { type: 'oneroster-rest', location: 'https://sis.demo.org/ims/oneroster/v1p1', secretRef: 'aws-sm:cdt/demo/sis', options: { version: '1.1', scope: 'roster' } },
    ours: { instance: 'production', customerKey: 'demo' },
    snapshotTtlMinutes: { sis: 60, ours: 10 },
    schedule: { cron: '0 6 * * 1-5', timezone: 'America/Chicago' },
  },
};

const valid = (): SettingsFormValues => formValuesOf(customer);
const check = (values: SettingsFormValues) => checkSettings(values, { isTimeZone: (z) => ['America/Chicago', 'UTC'].includes(z) });

describe('formValuesOf and updateOf', () => {
  it('round-trips a customer’s settings with the version the admin started from', () => {
    const values = valid();
    expect(values.ttlSis).toBe('60');
    expect(values.options.map((o) => [o.name, o.value])).toEqual([
      ['version', '1.1'],
      ['scope', 'roster'],
    ]);
    expect(updateOf(values, customer.updatedAt)).toEqual({
      name: customer.name,
      settings: customer.settings,
      expectedUpdatedAt: customer.updatedAt,
    });
  });

  it('fills blanks for settings the server left out', () => {
    const bare: Customer = {
      ...customer,
      settings: { ...customer.settings, sis: { type: 'oneroster-csv', location: '/data/demo.zip' }, schedule: null },
    };
    const values = formValuesOf(bare);
    expect([values.secretRef, values.cron, values.timezone, values.options.length]).toEqual(['', '', '', 0]);
  });

  it('trims, sends numbers, drops a blank secret, empty option rows and a blank schedule', () => {
    const values: SettingsFormValues = {
      ...valid(),
      name: '  Demo  ',
      location: ' https://sis.demo.org/x ',
      secretRef: '  ',
      ttlSis: ' 120 ',
      options: [optionRow(' version ', '1.2'), optionRow('', '')],
      cron: ' ',
      timezone: '',
    };
    const body = updateOf(values);
    expect(body.name).toBe('Demo');
    expect(body.settings.sis).toEqual({ type: 'oneroster-rest', location: 'https://sis.demo.org/x', options: { version: '1.2' } });
    expect(body.settings.snapshotTtlMinutes).toEqual({ sis: 120, ours: 10 });
    expect(body.settings.schedule).toBeNull();
    expect('expectedUpdatedAt' in body).toBe(false);
  });
});

describe('checkSettings', () => {
  it('passes the customer as stored', () => {
    expect(check(valid())).toEqual({});
  });

  it('lists every missing required field at once, in the server’s words', () => {
    const errors = check({
      ...valid(),
      name: ' ',
      sisType: '',
      location: '',
      instance: '',
      customerKey: '',
      ttlSis: '',
      ttlOurs: '',
    });
    expect(errors).toEqual({
      name: 'is required',
      'settings.sis.type': 'is required (one of oneroster-csv, oneroster-rest, classlink)',
      'settings.sis.location': 'is required (the URL, host or path of the SIS data)',
      'settings.ours.instance': 'must be one of production, staging',
      'settings.ours.customerKey': "is required (the district's key in our database)",
      'settings.snapshotTtlMinutes.sis': 'is required',
      'settings.snapshotTtlMinutes.ours': 'is required',
    });
  });

  it('limits the name to 200 characters', () => {
    expect(check({ ...valid(), name: 'x'.repeat(200) }).name).toBeUndefined();
    expect(check({ ...valid(), name: 'x'.repeat(201) }).name).toBe('must have at most 200 characters');
  });

  it('knows only the three SIS types', () => {
    expect(check({ ...valid(), sisType: 'powerschool' })['settings.sis.type']).toBe('must be one of oneroster-csv, oneroster-rest, classlink');
  });

  describe('SIS location', () => {
    const locationError = (sisType: string, location: string) => check({ ...valid(), sisType, location })['settings.sis.location'];

    it.each([
      ['oneroster-rest', 'https://sis.demo.org/ims/oneroster/v1p1'],
      ['oneroster-rest', 'http://localhost:8089/ims/oneroster/v1p1'],
      ['oneroster-rest', 'http://127.0.0.1:9000/'],
      ['classlink', 'https://oneroster-proxy.classlink.io'],
      ['oneroster-csv', '/var/cdt/exports/demo.zip'],
      ['oneroster-csv', 'C:\\exports\\demo'],
      ['oneroster-csv', 'sftp://sftp.district.org:2222/exports'],
      ['oneroster-csv', 'ftps://ftp.district.org/out'],
      ['oneroster-csv', 'ftp://ftp.district.org/'],
    ])('%s accepts %s', (type, location) => {
      expect(locationError(type, location)).toBeUndefined();
    });

    it.each([
      ['oneroster-rest', 'sis.demo.org/api', 'must be a web address starting with https://'],
      ['oneroster-rest', 'http://sis.demo.org/api', 'must start with https://'],
      ['classlink', 'ftp://classlink.io', 'must start with https://'],
      ['oneroster-rest', 'https://user:pw@sis.demo.org/', 'must not hold a username or password (those belong in the secret)'],
      ['oneroster-rest', 'https://sis.demo.org/#top', 'must not contain a # fragment'],
      ['oneroster-csv', 'https://sis.demo.org/export.zip', 'must be a file or folder path, or an sftp://, ftps:// or ftp:// address (a web address belongs to the OneRoster API type)'],
      ['oneroster-csv', 'sftp://bob:secret@sftp.district.org/', 'must not hold a username or password (those belong in the secret)'],
    ])('%s refuses %s', (type, location, message) => {
      expect(locationError(type, location)).toBe(message);
    });
  });

  it('takes secret references only, never a pasted secret', () => {
    for (const ref of ['env:SIS_SECRET', 'file:/run/secrets/sis.json', 'aws-sm:cdt/demo/sis', '']) {
      expect(check({ ...valid(), secretRef: ref })['settings.sis.secretRef']).toBeUndefined();
    }
    for (const ref of ['hunter2', 'aws-sm:', 'vault:cdt/x', 'env:has space']) {
      expect(check({ ...valid(), secretRef: ref })['settings.sis.secretRef']).toBe(
        'must be a reference such as env:NAME, file:/path or aws-sm:NAME, never the secret itself',
      );
    }
  });

  describe('connector options', () => {
    const optionErrors = (...rows: [string, string][]) => check({ ...valid(), options: rows.map(([n, v]) => optionRow(n, v)) });

    it('accepts named settings and ignores empty rows', () => {
      expect(optionErrors(['hostKeyFingerprint', 'SHA256:abc'], ['max-bytes', '1000'], ['', ''])).toEqual({});
    });

    it('refuses bad names, nameless values and repeated names', () => {
      expect(optionErrors(['1st', 'x'])['settings.sis.options']).toBe("'1st' is not a valid setting name");
      expect(optionErrors(['has space', 'x'])['settings.sis.options']).toBe("'has space' is not a valid setting name");
      expect(optionErrors(['', 'orphan'])['settings.sis.options']).toBe('the setting with the value "orphan" needs a name');
      expect(optionErrors(['scope', 'a'], ['scope', 'b'])['settings.sis.options']).toBe("'scope' is listed twice");
    });

    it('limits values to 500 characters, on the option itself', () => {
      expect(optionErrors(['scope', 'x'.repeat(500)])).toEqual({});
      expect(optionErrors(['scope', 'x'.repeat(501)])).toEqual({ 'settings.sis.options.scope': 'must be text of at most 500 characters' });
    });

    it('allows at most 20', () => {
      const rows = Array.from({ length: 21 }, (_, i): [string, string] => [`o${i}`, 'v']);
      expect(optionErrors(...rows)['settings.sis.options']).toBe('may hold at most 20 settings');
      expect(optionErrors(...rows.slice(0, 20))).toEqual({});
    });
  });

  it('checks our instance against the deployment’s list and the customer key’s characters', () => {
    expect(check({ ...valid(), instance: 'qa' })['settings.ours.instance']).toBe('must be one of production, staging');
    expect(checkSettings({ ...valid(), instance: 'qa' }, { instances: ['qa'], isTimeZone: () => true })).toEqual({});
    expect(check({ ...valid(), customerKey: 'district 12' })['settings.ours.customerKey']).toBe(
      "must be letters, digits, '.', '_', ':' or '-' (at most 128)",
    );
    expect(check({ ...valid(), customerKey: 'k'.repeat(129) })['settings.ours.customerKey']).toBeDefined();
    expect(check({ ...valid(), customerKey: 'tx:district_12.a-b' })['settings.ours.customerKey']).toBeUndefined();
  });

  it.each([
    ['1', undefined],
    ['10080', undefined],
    ['0', 'must be between 1 and 10080 minutes (one week)'],
    ['10081', 'must be between 1 and 10080 minutes (one week)'],
    ['-5', 'must be between 1 and 10080 minutes (one week)'],
    ['1.5', 'must be a whole number of minutes'],
    ['1e3', 'must be a whole number of minutes'],
    ['sixty', 'must be a whole number of minutes'],
  ])('a snapshot TTL of %s → %s', (ttl, message) => {
    const errors = check({ ...valid(), ttlSis: ttl, ttlOurs: ttl });
    expect(errors['settings.snapshotTtlMinutes.sis']).toBe(message);
    expect(errors['settings.snapshotTtlMinutes.ours']).toBe(message);
  });

  describe('schedule', () => {
    it('is optional as a whole', () => {
      expect(check({ ...valid(), cron: '', timezone: '' })).toEqual({});
    });

    it('needs both halves', () => {
      expect(check({ ...valid(), cron: '' })).toEqual({
        'settings.schedule.cron': 'is required when there is a schedule (five cron fields, e.g. 0 6 * * 1-5 for 6:00 on weekdays)',
      });
      expect(check({ ...valid(), timezone: ' ' })).toEqual({
        'settings.schedule.timezone': "is required when there is a schedule (the district's time zone, e.g. America/Chicago)",
      });
    });

    it('checks the cron’s 5 fields and the timezone', () => {
      expect(check({ ...valid(), cron: '0 6 * *' })['settings.schedule.cron']).toMatch(/^must have five fields .* it has 4$/);
      expect(check({ ...valid(), cron: '0 25 * * *' })['settings.schedule.cron']).toMatch(/in the hour field/);
      expect(check({ ...valid(), timezone: 'Central Time' })['settings.schedule.timezone']).toBe(
        "must be a time zone name such as America/Chicago or Europe/London ('Central Time' is not one)",
      );
      expect(check({ ...valid(), timezone: `Z${'z'.repeat(70)}` })['settings.schedule.timezone']).toContain(`('Z${'z'.repeat(59)}…' is not one)`);
    });

    it('uses the browser’s timezone list by default', () => {
      expect(checkSettings({ ...valid(), timezone: 'America/Chicago' })).toEqual({});
      expect(checkSettings({ ...valid(), timezone: 'Mars/Olympus' })['settings.schedule.timezone']).toBeDefined();
    });
  });
});

describe('errorsFromServer', () => {
  it('keeps known fields, keeps options on their option, puts groups on their first field', () => {
    const { errors, general } = errorsFromServer([
      { field: 'settings.snapshotTtlMinutes.sis', message: 'must be between 1 and 10080 minutes (one week)' },
      { field: 'settings.sis.options.scope', message: 'must be text of at most 500 characters' },
      { field: 'settings.ours', message: 'is required' },
      { field: 'settings.schedule', message: 'is not valid' },
      { field: 'name', message: 'is required' },
    ]);
    expect(errors).toEqual({
      'settings.snapshotTtlMinutes.sis': 'must be between 1 and 10080 minutes (one week)',
      'settings.sis.options.scope': 'must be text of at most 500 characters',
      'settings.ours.instance': 'is required',
      'settings.schedule.cron': 'is not valid',
      name: 'is required',
    });
    expect(general).toEqual([]);
  });

  it('joins two messages for one field and keeps the unknown ones for the summary', () => {
    const { errors, general } = errorsFromServer([
      { field: 'settings.sis.location', message: 'is required' },
      { field: 'settings.sis.location', message: 'must start with https://' },
      { field: 'id', message: 'must be 1 to 63 lower-case letters' },
      { field: '', message: 'Something else' },
    ]);
    expect(errors).toEqual({ 'settings.sis.location': 'is required; must start with https://' });
    expect(general).toEqual(['id must be 1 to 63 lower-case letters', 'Something else']);
  });
});

describe('orderedErrorPaths and fieldLabel', () => {
  it('orders errors as the form shows its fields', () => {
    expect(
      orderedErrorPaths({
        'settings.schedule.timezone': 'x',
        'settings.sis.options.scope': 'x',
        name: 'x',
        'settings.snapshotTtlMinutes.sis': 'x',
        'settings.sis.options': 'x',
      }),
    ).toEqual(['name', 'settings.sis.options', 'settings.sis.options.scope', 'settings.snapshotTtlMinutes.sis', 'settings.schedule.timezone']);
  });

  it('names fields as the form labels them', () => {
    expect(fieldLabel('settings.snapshotTtlMinutes.sis')).toBe('SIS snapshot TTL');
    expect(fieldLabel('settings.sis.options.scope')).toBe('Connector option scope');
    expect(fieldLabel('something.else')).toBe('something.else');
  });
});

describe('instanceChoices', () => {
  it('offers exactly the server’s configured instances when it names them', () => {
    expect(instanceChoices(['production', 'staging', 'eu-central'], 'production')).toEqual(['production', 'staging', 'eu-central']);
    // A stored value the server no longer knows is not made valid by the form.
    expect(instanceChoices(['production'], 'staging')).toEqual(['production']);
  });

  it('falls back to the defaults and the stored value for a server that does not say', () => {
    expect(instanceChoices(undefined, 'production')).toEqual(['production', 'staging']);
    expect(instanceChoices([], 'qa')).toEqual(['production', 'staging', 'qa']);
  });
});
