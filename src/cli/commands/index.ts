import type { Command } from 'commander';
import { registerBackupCommands } from './backup';
import { registerDataCommands } from './data';
import { registerEvalMatchingCommand } from './eval-matching';
import { registerPolicyCommand } from './policy';
import { registerRecommendCommand } from './recommend';
import { registerServeCommand } from './serve';
import { registerSolveCommand } from './solve';
import { registerTrainingCommands } from './training';
import { registerUserCommands } from './users';

export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerDataCommands(program);
  registerUserCommands(program);
  registerBackupCommands(program);
  registerSolveCommand(program);
  registerRecommendCommand(program);
  registerEvalMatchingCommand(program);
  registerPolicyCommand(program);
  registerTrainingCommands(program);
}
