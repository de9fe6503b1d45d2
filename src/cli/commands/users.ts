import type { Command } from 'commander';
import { eventOrganisers } from '../../storage/schema';
import { resolveEventId } from '../../services/access';
import { createUser } from '../../services/auth/users';
import { reportFailure, withDatabase } from '../database';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('add')
    .description('Create a user account (the password is read from CORRIDOR_PASSWORD so it stays out of shell history)')
    .argument('<email>', 'e-mail address, used to sign in')
    .requiredOption('--name <name>', 'full name')
    .option('--role <role>', 'organiser or delegate', 'organiser')
    .option('--event <event>', 'make the organiser an organiser of this event (id or slug)')
    .action(async (email: string, options: { name: string; role: string; event?: string }) => {
      try {
        if (options.role !== 'organiser' && options.role !== 'delegate') {
          console.error(`error: --role must be organiser or delegate, not "${options.role}"`);
          process.exitCode = 2;
          return;
        }
        await withDatabase(async ({ db }) => {
          await db.transaction(async (tx) => {
            const created = await createUser(tx, { email, name: options.name, role: options.role as 'organiser' | 'delegate', password: process.env.CORRIDOR_PASSWORD || null });
            if (options.event) await tx.insert(eventOrganisers).values({ eventId: await resolveEventId(tx, options.event), userId: created.id });
            console.log(`created ${created.role} ${created.email}${process.env.CORRIDOR_PASSWORD ? ' with a password' : ' (no password: signs in by e-mailed link)'}`);
          });
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
