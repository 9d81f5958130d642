import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, serverOptionsFromEnv } from './env.js';
import { defaultPGliteDir } from './user-data-dir.js';

describe('defaultPGliteDir', () => {
  it('uses the platform data folder', () => {
    expect(defaultPGliteDir('linux', {}, '/home/ana')).toBe(join('/home/ana', '.local', 'share', 'servicedesk', 'pglite'));
    expect(defaultPGliteDir('linux', { XDG_DATA_HOME: '/data' }, '/home/ana')).toBe(join('/data', 'servicedesk', 'pglite'));
    expect(defaultPGliteDir('darwin', {}, '/Users/ana')).toBe(
      join('/Users/ana', 'Library', 'Application Support', 'servicedesk', 'pglite'),
    );
    expect(defaultPGliteDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'servicedesk', 'pglite'),
    );
  });
});

describe('serverOptionsFromEnv', () => {
  it('has sensible defaults', () => {
    const options = serverOptionsFromEnv({}, '/nonexistent');
    expect(options).toMatchObject({ port: 8787, host: '127.0.0.1', seedDemo: false, staticDir: undefined, jwtSecret: undefined });
    expect(options.dataDir).toMatch(/servicedesk[/\\]pglite$/);
    expect(options.databaseUrl).toBeUndefined();
  });

  it('reads the variables', () => {
    const options = serverOptionsFromEnv(
      { PORT: '9000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://x/y', SEED_DEMO: '1', JWT_SECRET: 'k' },
      '/nonexistent',
    );
    expect(options).toMatchObject({ port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://x/y', seedDemo: true, jwtSecret: 'k' });
    expect(options.dataDir).toBeUndefined();
  });

  it('reads the sign-in limits', () => {
    expect(serverOptionsFromEnv({}, '/nonexistent').loginLimits).toBeUndefined();
    expect(
      serverOptionsFromEnv({ LOGIN_RATE_LIMIT_PER_MINUTE: '30', LOGIN_MAX_FAILURES: '5' }, '/nonexistent').loginLimits,
    ).toEqual({
      requestsPerMinute: 30,
      maxFailures: 5,
    });
    expect(() => serverOptionsFromEnv({ LOGIN_MAX_FAILURES: '0' })).toThrow(/LOGIN_MAX_FAILURES must be a positive whole number/);
  });

  it('reads the e-mail settings and refuses ones that cannot work', () => {
    const options = serverOptionsFromEnv(
      {
        SMTP_URL: 'smtp://mailer:secret@mail.example.org:587',
        MAIL_FROM: 'Desk <desk@example.org>',
        PUBLIC_URL: 'https://desk.example.org/',
      },
      '/nonexistent',
    );
    expect(options).toMatchObject({
      smtpUrl: 'smtp://mailer:secret@mail.example.org:587',
      mailFrom: 'Desk <desk@example.org>',
      publicUrl: 'https://desk.example.org',
    });
    expect(serverOptionsFromEnv({}, '/nonexistent').smtpUrl).toBeUndefined();
    expect(() => serverOptionsFromEnv({ SMTP_URL: 'mail.example.org' })).toThrow(/SMTP_URL must look like smtp:/);
    expect(() => serverOptionsFromEnv({ PUBLIC_URL: 'desk.example.org' })).toThrow(/PUBLIC_URL must be the http\(s\) address/);
  });

  it('reads the console origins allowed cross-origin', () => {
    expect(serverOptionsFromEnv({}, '/nonexistent').consoleOrigins).toBeUndefined();
    expect(serverOptionsFromEnv({ CONSOLE_ORIGINS: '' }, '/nonexistent').consoleOrigins).toBeUndefined();
    expect(
      serverOptionsFromEnv({ CONSOLE_ORIGINS: 'https://Desk.example.org/, null,https://desk.example.org' }, '/nonexistent')
        .consoleOrigins,
    ).toEqual(['https://desk.example.org', 'null']);
    expect(serverOptionsFromEnv({ CONSOLE_ORIGINS: 'none' }, '/nonexistent').consoleOrigins).toEqual([]);
    for (const bad of ['*', 'desk.example.org', 'https://desk.example.org/console', 'https://a.example,'])
      expect(() => serverOptionsFromEnv({ CONSOLE_ORIGINS: bad }, '/nonexistent'), bad).toThrow(
        /CONSOLE_ORIGINS: ".*" is not an origin/,
      );
  });

  it('reads how often the SLA scheduler runs (0 turns it off) and refuses values that cannot work', () => {
    expect(serverOptionsFromEnv({}, '/nonexistent').slaSchedulerMs).toBeUndefined();
    expect(serverOptionsFromEnv({ SLA_SCHEDULER_MS: '60000' }, '/nonexistent').slaSchedulerMs).toBe(60_000);
    expect(serverOptionsFromEnv({ SLA_SCHEDULER_MS: '0' }, '/nonexistent').slaSchedulerMs).toBe(0);
    for (const bad of ['-1', '30s', '1.5'])
      expect(() => serverOptionsFromEnv({ SLA_SCHEDULER_MS: bad }, '/nonexistent'), bad).toThrow(/SLA_SCHEDULER_MS must be/);
    expect(() => serverOptionsFromEnv({ SLA_SCHEDULER_MS: '10' }, '/nonexistent')).toThrow(/at least 1000/);
  });

  it('explains bad values', () => {
    expect(() => serverOptionsFromEnv({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => serverOptionsFromEnv({ STATIC_DIR: '/no/such/dir' })).toThrow(/does not exist/);
  });
});
