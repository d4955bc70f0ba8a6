import { runCli } from './program';

runCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
