import { APP_VERSION } from '../main/version';
import { commands } from './commands';
import { EXIT, processIO, UsageError, type CliIO } from './io';

function help(io: CliIO): void {
  io.out(`Factdesk ${APP_VERSION} — drafting and fact-checking for sports desks, offline.`);
  io.out('');
  io.out('Usage: factdesk <command> [options]');
  io.out('');
  io.out('Commands:');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) io.out(`  ${c.name.padEnd(width)}  ${c.summary}`);
  io.out('');
  io.out('Options for every command:');
  io.out('  --data-dir <dir>   use this data folder (or set FACTDESK_DATA_DIR)');
  io.out('  --help             show help for a command');
  io.out('  --version          print the version');
}

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`Unknown command "${name}". Run "factdesk --help" for the list.`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    io.err(`factdesk ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.problem;
  }
}

// Run only as the program itself, not when tests import runCli.
if (process.env.FACTDESK_CLI_MAIN === '1') {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
