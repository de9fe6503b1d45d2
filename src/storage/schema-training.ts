// Training programmes, registrations and calendar feeds: tables are added here.
export {};
