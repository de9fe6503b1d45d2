import { queueDueReminders } from '../services/training/reminders';
import type { Database } from '../storage/db';

/**
 * Checks for due training reminders every `intervalMs` until stopped. The reminders it queues go
 * out through the outbox; running it on several servers at once is safe. The address for links is
 * read at each tick: a server started on port 0 only learns its own once it listens.
 */
export function startReminderJob(db: Database, publicUrl: () => string, intervalMs = 60_000) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = queueDueReminders(db, publicUrl())
      .then(() => undefined)
      .catch(() => {
        // The database may be briefly unreachable; the next tick tries again.
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
