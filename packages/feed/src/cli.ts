/**
 * The `citylink-feed` command (bin/citylink-feed.js runs it): `build` and `validate`, and for
 * the push service (docs/push.md) `notify` and `keys`. docs/publishing.md documents them, with
 * their exit codes.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { PollResult } from '../../core/src/poll';
import { buildFeed, HEAD_FILE, readPreviousFeed, writeFeed } from './build';
import type { ContentProblem } from './content';
import { generateKeys, writeKeys } from './keys';
import { requestPoll } from './notify';
import { EXIT, formatReport, validateFeed } from './validate';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('a whole number of at least 1 is needed.');
  return n;
}

/** Runs the command with `args` (without node and the script); resolves to the exit code. */
export async function main(
  args: readonly string[],
  io: Output = processOutput,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('citylink-feed')
    .description(
      'Build a Citylink city feed from Markdown content, and check any JSON Feed against the Citylink contract.\nGuide: docs/publishing.md; the format: docs/feed-format.md.',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run citylink-feed --help for the commands)');

  program
    .command('build')
    .description(
      `Build ${HEAD_FILE} and its archive pages from a content folder (feed.yaml and one Markdown file per item per language).`,
    )
    .argument('<content-dir>', 'the content folder')
    .requiredOption('--out <dir>', `where to write ${HEAD_FILE} and feed/archive-*.json`)
    .option(
      '--head-items <n>',
      'the fewest items the head feed.json holds (feed.yaml paging.head_items)',
      count,
    )
    .option('--archive-items <n>', 'items per archive page (feed.yaml paging.archive_items)', count)
    .option('--json', 'print the result as JSON')
    .action(
      (dir: string, options: { out: string; headItems?: number; archiveItems?: number; json?: boolean }) => {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
          io.err(`citylink-feed build: ${dir} is not a folder.\n`);
          code = EXIT.unreadable;
          return;
        }
        const result = buildFeed(dir, {
          headItems: options.headItems,
          archiveItems: options.archiveItems,
          previous: readPreviousFeed(options.out),
        });
        const failed = result.problems.some((p) => p.severity === 'error');
        if (!failed) writeFeed(options.out, result.files, result.calendars);
        code = failed ? EXIT.invalid : EXIT.ok;
        if (options.json) {
          io.out(
            `${JSON.stringify(
              {
                ok: !failed,
                exitCode: code,
                problems: result.problems,
                files: result.files.map((f) => join(options.out, f.path)),
                calendars: result.calendars.map((f) => join(options.out, f.path)),
                items: result.items,
                retractions: result.retractions,
                headItems: result.headItems,
                archives: result.archives,
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        for (const problem of result.problems) io.err(`${problemLine(dir, problem)}\n`);
        if (failed) {
          const errors = result.problems.filter((p) => p.severity === 'error').length;
          io.err(`Nothing was written: ${errors} error${errors === 1 ? '' : 's'} to fix first.\n`);
          return;
        }
        io.out(
          `Built ${join(options.out, HEAD_FILE)} (${result.headItems} items${result.retractions ? `, ${result.retractions} retractions` : ''}) and ${result.archives} archive page${result.archives === 1 ? '' : 's'}: ${result.items} items in all.\n`,
        );
      },
    );

  program
    .command('validate')
    .description(
      'Check a JSON Feed (a file or an http(s) address) and its older pages against the Citylink contract.',
    )
    .argument('<file-or-url>', 'the feed: a path, or an http(s) address')
    .option('--json', 'print the report as JSON')
    .option('--no-follow', 'check the first page only, not the pages its next_url leads to')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid (warnings alone are fine), 1 errors (a rule of JSON Feed 1.1 or of the contract broken; the app may skip items), 2 the app would reject a page (not JSON, HTML, no items array), 3 the feed could not be read, 64 wrong usage.',
    )
    .action(async (source: string, options: { json?: boolean; follow: boolean }) => {
      const report = await validateFeed(source, { follow: options.follow });
      code = report.exitCode;
      io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    });

  program
    .command('notify')
    .description(
      'Ask a running push service to read the feed now and send its new notices at once (POST <service>/poll), instead of waiting for its next poll.',
    )
    .argument('<service-url>', "the push service's address, e.g. https://city.example/push/")
    .option(
      '--token-env <name>',
      "the environment variable holding the service's PUSH_NOTIFY_TOKEN (never given on the command line, where other users of the machine could read it)",
      'PUSH_NOTIFY_TOKEN',
    )
    .option('--json', "print the service's answer as JSON")
    .addHelpText(
      'after',
      '\nExit codes: 0 the service read the feed (or found it unchanged), 3 the service or the feed could not be reached, 64 wrong usage (no token).',
    )
    .action(async (service: string, options: { tokenEnv: string; json?: boolean }) => {
      const token = env[options.tokenEnv];
      if (!token) {
        io.err(`citylink-feed notify: set ${options.tokenEnv} to the service's PUSH_NOTIFY_TOKEN.\n`);
        code = EXIT.usage;
        return;
      }
      let answer: Awaited<ReturnType<typeof requestPoll>>;
      try {
        answer = await requestPoll(service, token);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const cause =
          error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
        io.err(
          message.startsWith('The push service answered')
            ? `citylink-feed notify: ${message}${message.includes('401') ? ` Check ${options.tokenEnv}.` : ''}\n`
            : `citylink-feed notify: could not reach the push service at ${service}: ${message}${cause}\n`,
        );
        code = EXIT.unreadable;
        return;
      }
      const result = answer?.result;
      code = result === 'failed' || result === undefined ? EXIT.unreadable : EXIT.ok;
      io.out(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${pollLine(result)}\n`);
    });

  program
    .command('keys')
    .description(
      "Make a VAPID key pair for the push service (its identity towards browsers' push services; keep it for as long as subscriptions should live).",
    )
    .option(
      '--out <file>',
      'write the pair as the JSON file the service reads (owner-only; never replaces a file)',
    )
    .action((options: { out?: string }) => {
      const keys = generateKeys();
      if (!options.out) {
        io.out(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}\n`);
        return;
      }
      if (existsSync(options.out)) {
        io.err(`citylink-feed keys: ${options.out} exists; subscriptions are bound to the keys in it.\n`);
        code = EXIT.usage;
        return;
      }
      writeKeys(resolve(options.out), keys);
      io.out(`VAPID keys written to ${options.out} (public key ${keys.publicKey})\n`);
    });

  try {
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
}

/** `content/news/x.md:12: error: event.start: …`, the form editors and CI logs link. */
export function problemLine(dir: string, problem: ContentProblem): string {
  const place = `${join(dir, problem.file)}${problem.line ? `:${problem.line}` : ''}`;
  return `${place}: ${problem.severity}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** The service's answer in a line. */
function pollLine(result: PollResult | undefined): string {
  if (result === undefined) return 'The push service gave no result.';
  if (result === 'unchanged')
    return 'The push service read the feed: unchanged since its last read, nothing to send.';
  if (result === 'failed') return 'The push service could not read the feed (its log says why).';
  if (result.baseline) {
    return `The push service read the feed for the first time: its ${result.fresh} items are the baseline, nothing is announced.`;
  }
  const deliveries = result.notices.reduce((sum, notice) => sum + notice.deliveries, 0);
  const urgent = result.notices.filter((notice) => notice.kind === 'urgent').length;
  return `The push service read the feed: ${result.fresh} new items, ${urgent} urgent notices and ${result.notices.length - urgent} new events to send, ${deliveries} deliveries queued${result.cancelled ? `, ${result.cancelled} cancelled by retractions` : ''}.`;
}
