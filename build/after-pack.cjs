// electron-builder `afterPack` hook (electron-builder.yml). Flips Electron's fuses in the packaged executable:
// build-time switches that the app's own code cannot turn back on. electron-builder has already embedded the
// asar integrity hashes (macOS Info.plist, Windows resource) and signs the app after this hook.
//   RunAsNode off                           ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node runtime
//   EnableCookieEncryption on               cookies on disk are encrypted with the OS keychain key
//   EnableNodeOptionsEnvironmentVariable off NODE_OPTIONS cannot inject code or flags
//   EnableNodeCliInspectArguments off       --inspect cannot attach a debugger (note: Playwright's _electron
//                                           needs it, so end-to-end tests run the unpackaged app)
//   EnableEmbeddedAsarIntegrityValidation on app.asar is checked against the embedded hashes (macOS, Windows)
//   OnlyLoadAppFromAsar on                  the app loads only from app.asar, never from a planted app/ folder
const path = require('node:path');

const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};

/** Path of the Electron binary (macOS: the .app bundle) for electron-builder's pack context. */
function electronBinaryPath({ appOutDir, electronPlatformName, packager }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** The @electron/fuses config: FUSES by index, and a fresh ad-hoc signature on macOS (arm64 needs one). */
function fuseConfig({ FuseVersion, FuseV1Options }, platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas' };
  for (const [name, value] of Object.entries(FUSES)) {
    if (FuseV1Options[name] === undefined) throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

// @electron/fuses is ESM-only: import() it from this CommonJS hook.
async function afterPack(context, loadFuses = () => import('@electron/fuses')) {
  const fuses = await loadFuses();
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, context.electronPlatformName));
  console.log(
    `  • fuses flipped  ${Object.entries(FUSES)
      .map(([name, on]) => `${name}=${on ? 'on' : 'off'}`)
      .join(' ')}`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.fuseConfig = fuseConfig;
