CREATE TABLE `payout_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`user_id` text NOT NULL,
	`decision` text NOT NULL,
	`lines_hash` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `payout_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_approvals_run_user_uq` ON `payout_approvals` (`run_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `payout_entry_claims` (
	`entry_key` text PRIMARY KEY NOT NULL,
	`line_id` text NOT NULL,
	`claimed_at` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `payout_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payout_line_entries` (
	`line_id` text NOT NULL,
	`entry_key` text NOT NULL,
	`amount_minor` integer NOT NULL,
	PRIMARY KEY(`line_id`, `entry_key`),
	FOREIGN KEY (`line_id`) REFERENCES `payout_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payout_line_entries_entry_idx` ON `payout_line_entries` (`entry_key`);--> statement-breakpoint
CREATE TABLE `payout_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`currency` text NOT NULL,
	`earned_minor` integer NOT NULL,
	`withheld_minor` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`method` text NOT NULL,
	`state` text NOT NULL,
	`blockers` text DEFAULT '[]' NOT NULL,
	`stripe_account_id` text,
	`attempt` integer DEFAULT 0 NOT NULL,
	`transfer_id` text,
	`failure_reason` text DEFAULT '' NOT NULL,
	`paid_reference` text,
	`paid_at` text,
	`paid_by` text,
	FOREIGN KEY (`run_id`) REFERENCES `payout_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paid_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payout_lines_run_idx` ON `payout_lines` (`run_id`);--> statement-breakpoint
CREATE INDEX `payout_lines_partner_idx` ON `payout_lines` (`partner_id`);--> statement-breakpoint
CREATE TABLE `payout_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`pay_date` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`lines_hash` text NOT NULL,
	`transfer_group` text NOT NULL,
	`standing_approval_id` text,
	`prepared_at` text NOT NULL,
	`prepared_by` text,
	`decided_at` text,
	`reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`standing_approval_id`) REFERENCES `standing_approvals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payout_runs_pay_date_idx` ON `payout_runs` (`pay_date`);--> statement-breakpoint
CREATE TABLE `payout_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`require_tax_form` integer DEFAULT true NOT NULL,
	`second_approval_above` text DEFAULT '{}' NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `standing_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`currency` text NOT NULL,
	`per_line_limit_minor` integer NOT NULL,
	`per_day_limit_minor` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	FOREIGN KEY (`plan_id`) REFERENCES `commission_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `payout_method` text DEFAULT 'stripe_connect' NOT NULL;