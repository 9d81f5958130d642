export * from './can.js';
export * from './policy-table.js';
export * from './roles.js';
export * from './cmdb-policies.js';
export * from './problem-policies.js';
export * from './change-policies.js';
export * from './write-checks.js';
