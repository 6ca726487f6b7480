/**
 * The `citylink-feed` command (bin/citylink-feed.js runs it): `build` and `validate`.
 * docs/publishing.md documents both, with their exit codes.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { buildFeed, HEAD_FILE, readPreviousFeed, writeFeed } from './build';
import type { ContentProblem } from './content';
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
export async function main(args: readonly string[], io: Output = processOutput): Promise<number> {
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
        if (!failed) writeFeed(options.out, result.files);
        code = failed ? EXIT.invalid : EXIT.ok;
        if (options.json) {
          io.out(
            `${JSON.stringify(
              {
                ok: !failed,
                exitCode: code,
                problems: result.problems,
                files: result.files.map((f) => join(options.out, f.path)),
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
      '\nExit codes: 0 valid (warnings alone are fine), 1 the app would skip items, 2 the app would reject a page (not JSON, HTML, no items array), 3 the feed could not be read, 64 wrong usage.',
    )
    .action(async (source: string, options: { json?: boolean; follow: boolean }) => {
      const report = await validateFeed(source, { follow: options.follow });
      code = report.exitCode;
      io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
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
