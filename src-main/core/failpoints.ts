// Named points in the steps that move money, where the crash tests kill the process:
// a child process started with PARTNERDESK_FAILPOINT=<name> dies (SIGKILL, no cleanup, no
// flush) the moment it reaches that point, exactly like a power cut. Unset — always, outside
// those tests — a failpoint is one comparison.

export type Failpoint =
  | 'payout.approve.committed'
  | 'payout.transfer.markedSending'
  | 'payout.transfer.sent'
  | 'payout.transfer.recorded';

export function failpoint(name: Failpoint): void {
  if (process.env.PARTNERDESK_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
