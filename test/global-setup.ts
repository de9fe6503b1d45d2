// Filled in by the storage layer: prepares a migrated template database once per run.
export default async function setup(): Promise<void> {}
