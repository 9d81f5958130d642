export { seedDatabase, type SeedOptions } from './seed-database.js';
export { seedDemoIfEmpty, DEMO_TICKETS, DEMO_ARTICLES } from './seed-demo.js';
export { DEMO_PASSWORD, DEMO_USERS, GROUP_IDS, CATEGORIES } from './directory-data.js';
export { CSAT_SURVEY_ID } from './survey-data.js';
