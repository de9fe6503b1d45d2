import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('sizes the PostgreSQL pool to the cores unless told, and names a bad value', () => {
    expect(readConfig({}).databasePoolSize).toBe(2 * os.availableParallelism() + 1);
    expect(readConfig({ DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
    for (const bad of ['0', '-3', '2.5', 'many', '5000']) {
      expect(() => readConfig({ DATABASE_POOL_SIZE: bad }), bad).toThrow(`DATABASE_POOL_SIZE: "${bad}"`);
    }
  });

  it('refuses a port that is not one, naming the variable', () => {
    expect(readConfig({ PORT: '8080' }).port).toBe(8080);
    expect(() => readConfig({ PORT: '70000' })).toThrow('PORT: "70000" is not a port number');
  });
});
