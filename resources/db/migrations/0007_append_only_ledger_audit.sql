-- The ledger only grows: a correction is a new entry that points at the one it corrects
-- (refunds and chargebacks add reversing entries), so the database itself refuses to
-- change or remove ledger entries, programme costs, integrator balance movements and
-- audit entries, whichever code or tool asks. A migration that rebuilds one of these
-- tables drops its triggers with it and must create them again
-- (test/unit/appendOnly.test.ts checks they exist on the final schema).
CREATE TRIGGER IF NOT EXISTS `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: a commission entry cannot be changed; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: a commission entry cannot be removed; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `integrator_movements_no_update` BEFORE UPDATE ON `integrator_movements`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: a partner balance movement cannot be changed; add a correcting movement instead'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `integrator_movements_no_delete` BEFORE DELETE ON `integrator_movements`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: a partner balance movement cannot be removed; add a correcting movement instead'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `programme_costs_no_update` BEFORE UPDATE ON `programme_costs`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: a programme cost cannot be changed; add a correcting cost instead'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `programme_costs_no_delete` BEFORE DELETE ON `programme_costs`
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: a programme cost cannot be removed; add a correcting cost instead'); END;
--> statement-breakpoint
-- An audit entry is written once. The one change allowed is sealing it into the hash chain:
-- setting hash and prev_hash on an entry that has no hash yet, nothing else (recordAudit
-- seals each new entry in the transaction that writes it; entries from before the chain
-- are sealed once at open).
CREATE TRIGGER IF NOT EXISTS `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  OLD.`hash` IS NULL AND NEW.`hash` IS NOT NULL AND NEW.`prev_hash` IS NOT NULL
  AND NEW.`id` IS OLD.`id` AND NEW.`at` IS OLD.`at` AND NEW.`user_id` IS OLD.`user_id`
  AND NEW.`action` IS OLD.`action` AND NEW.`entity` IS OLD.`entity`
  AND NEW.`entity_id` IS OLD.`entity_id` AND NEW.`detail` IS OLD.`detail`
)
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: an audit entry cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: an audit entry cannot be removed'); END;
