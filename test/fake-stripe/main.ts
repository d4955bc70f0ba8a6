/**
 * `npm run fake-stripe [-- --port 12111 --invoices 3000]`: the fake Stripe with demo data
 * for the four seed programmes, so anyone can try the sync without a Stripe account.
 * Listens on 127.0.0.1 only; Ctrl-C stops it.
 */
import { startFakeStripe } from './server';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number (got ${raw})`);
    process.exit(2);
  }
  return n;
}

const port = option('port', 12111);
const invoices = option('invoices', 3000);
const started = Date.now();
const fake = await startFakeStripe({ port, seed: { demo: { invoices }, balances: { gbp: 5_000_000, usd: 20_000_000, eur: 5_000_000 } } });
const s = fake.state;
console.log(`Fake Stripe listening on ${fake.url} (test mode, 127.0.0.1 only)`);
console.log(`  secret key:  ${fake.secretKey}`);
console.log(`  SDK:         new Stripe(key, { host: '127.0.0.1', port: ${fake.port}, protocol: 'http' })`);
console.log(`  demo data:   ${s.customers.size} customers, ${s.invoices.size} invoices, ${s.charges.size} charges, ${s.refunds.size} refunds, ${s.disputes.size} disputes, ${s.accounts.size} Connect accounts (${Date.now() - started} ms)`);
console.log('Press Ctrl-C to stop.');

const stop = () => {
  void fake.close().then(() => {
    console.log('Fake Stripe stopped.');
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
