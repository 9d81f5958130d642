import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

interface BuilderConfig {
  asar?: boolean;
  afterPack?: string;
  publish?: { provider: string; url: string };
  protocols?: { schemes: string[] }[];
  files?: string[];
  linux?: { icon?: string };
  win?: { icon?: string };
  mac?: { icon?: string };
}

/** electron-builder's own loader and schema validation (app-builder-lib comes with electron-builder). */
async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string, overrides: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder validation with asar, fuses, updates and the deep link protocol', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(`${root}${config.afterPack}`)).toBe(true);
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.DESK_UPDATE_URL}' });
    expect(config.protocols?.flatMap((p) => p.schemes)).toContain('servicedesk');
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) expect(existsSync(`${root}${icon}`)).toBe(true);
  });
});
