import type { Command } from 'commander';
import { auditEvent } from '../../audit/audit-actions.js';
import { isRole, ROLES } from '../../auth/roles.js';
import { findUserIdByUsername, listUsers } from '../../auth/user-queries.js';
import { isSuwenError } from '../../shared/errors.js';
import { CliError, openCliContext, withCliServices } from '../context.js';

/** Reads a password from SUWEN_NEW_PASSWORD or the first line of stdin, so it never sits in shell history. */
async function readPassword(): Promise<string> {
  if (process.env.SUWEN_NEW_PASSWORD) return process.env.SUWEN_NEW_PASSWORD;
  if (process.stdin.isTTY) {
    throw new CliError('give the password on standard input (echo … | suwen user add …) or in SUWEN_NEW_PASSWORD', 2);
  }
  let data = '';
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? '';
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('add <username>')
    .description(`Create a user; the password comes from stdin or SUWEN_NEW_PASSWORD (at least 10 characters)`)
    .requiredOption('-r, --role <role>', `one of ${ROLES.join(', ')}`)
    .option('-n, --name <displayName>', 'display name')
    .option('--patient <patientId>', 'the patient record a patient account may see')
    .action(async (username: string, options: { role: string; name?: string; patient?: string }) => {
      if (!isRole(options.role)) throw new CliError(`unknown role "${options.role}" (expected ${ROLES.join(', ')})`, 2);
      const password = await readPassword();
      const role = options.role;
      try {
        const created = await withCliServices(async ({ auth, audit }, actor) => {
          const user = await auth.createUser({ username, role, password, displayName: options.name, patientId: options.patient ?? null });
          await audit.append(auditEvent(actor, 'user.create', { entityType: 'user', entityId: user.id, details: { role: user.role } }));
          return user;
        });
        process.stdout.write(`created ${created.role} ${created.username} (${created.id})\n`);
      } catch (error) {
        if (isSuwenError(error))
          throw new CliError(
            `${error.message}${error.params.summary ? `: ${error.params.summary}` : ''}${error.params.reason ? `: ${error.params.reason}` : ''}`,
            2,
          );
        throw error;
      }
    });
  user
    .command('list')
    .description('List users')
    .action(async () => {
      const { store } = await openCliContext();
      try {
        const rows = await listUsers(store);
        for (const r of rows)
          process.stdout.write(`${r.username.padEnd(24)} ${r.role.padEnd(11)} ${r.disabled ? 'disabled' : 'active  '} ${r.display_name}\n`);
      } finally {
        await store.close();
      }
    });
  user
    .command('token <username>')
    .description('Create a bearer API token for a user (printed once)')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--days <days>', 'expire after this many days')
    .action(async (username: string, options: { name: string; days?: string }) => {
      const token = await withCliServices(async ({ store, auth, audit }, actor) => {
        const userId = await findUserIdByUsername(store, username);
        if (!userId) throw new CliError(`no user named "${username}"`, 2);
        const created = await auth.createApiToken(userId, options.name, options.days ? Number(options.days) : undefined);
        await audit.append(auditEvent(actor, 'token.create', { entityType: 'api_token', entityId: created.id }));
        return created;
      });
      process.stdout.write(`${token.token}\n`);
    });
}
