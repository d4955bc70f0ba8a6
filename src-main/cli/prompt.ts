import { createInterface } from 'node:readline';

/**
 * The passphrase comes from PARTNERDESK_PASSPHRASE or a prompt that does not echo — never
 * from an argument, where it would land in shell history and the process list.
 */
export async function readPassphrase(question: string, env = process.env): Promise<string> {
  if (env.PARTNERDESK_PASSPHRASE) return env.PARTNERDESK_PASSPHRASE;
  if (!process.stdin.isTTY) throw new Error('Set PARTNERDESK_PASSPHRASE, or run in a terminal to be asked for the passphrase.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput(s: string): void; output: NodeJS.WriteStream };
  let muted = false;
  out._writeToOutput = (s: string) => {
    if (!muted) out.output.write(s);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
