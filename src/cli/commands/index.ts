import type { Command } from 'commander';
import { registerDataCommands } from './data';
import { registerPolicyCommand } from './policy';
import { registerServeCommand } from './serve';
import { registerUserCommands } from './users';

export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerDataCommands(program);
  registerUserCommands(program);
  registerPolicyCommand(program);
}
