export * from './change-lifecycle.js';
export * from './change-risk.js';
export * from './change-approvals.js';
export * from './change-settings.js';
export * from './change-windows.js';
export * from './change-collisions.js';
export * from './caused-incidents.js';
export * from './release-notes.js';
