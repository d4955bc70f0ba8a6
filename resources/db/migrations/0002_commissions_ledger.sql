CREATE TABLE `commission_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`programme_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commission_plans_code_unique` ON `commission_plans` (`code`);--> statement-breakpoint
CREATE TABLE `commission_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`period` text NOT NULL,
	`as_of` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`started_by` text,
	`partners` integer DEFAULT 0 NOT NULL,
	`entries_added` integer DEFAULT 0 NOT NULL,
	`adjustments_added` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `integrator_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text,
	`occurred_on` text NOT NULL,
	`kind` text NOT NULL,
	`account` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`explanation` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integrator_movements_key_unique` ON `integrator_movements` (`key`);--> statement-breakpoint
CREATE INDEX `integrator_movements_partner_idx` ON `integrator_movements` (`partner_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`revenue_line_id` text NOT NULL,
	`occurred_on` text NOT NULL,
	`period` text NOT NULL,
	`currency` text NOT NULL,
	`base_minor` integer NOT NULL,
	`rate_bps` integer NOT NULL,
	`tier` text,
	`plan_version_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`rule` text NOT NULL,
	`explanation` text NOT NULL,
	`reverses_key` text,
	`run_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revenue_line_id`) REFERENCES `revenue_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `commission_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_key_unique` ON `ledger_entries` (`key`);--> statement-breakpoint
CREATE INDEX `ledger_partner_period_idx` ON `ledger_entries` (`partner_id`,`period`);--> statement-breakpoint
CREATE INDEX `ledger_period_idx` ON `ledger_entries` (`period`,`currency`);--> statement-breakpoint
CREATE INDEX `ledger_line_idx` ON `ledger_entries` (`revenue_line_id`);--> statement-breakpoint
CREATE TABLE `ledger_holds` (
	`entry_key` text PRIMARY KEY NOT NULL,
	`hold_until` text,
	`hold_reason` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `partner_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`received_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_documents_uq` ON `partner_documents` (`partner_id`,`kind`,`period`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`body` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`plan_id`) REFERENCES `commission_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_plan_version_uq` ON `plan_versions` (`plan_id`,`version`);--> statement-breakpoint
CREATE INDEX `plan_versions_effective_idx` ON `plan_versions` (`plan_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `programme_costs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`occurred_on` text NOT NULL,
	`period` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`rule` text NOT NULL,
	`explanation` text NOT NULL,
	`run_id` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `commission_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_costs_key_unique` ON `programme_costs` (`key`);--> statement-breakpoint
CREATE INDEX `programme_costs_partner_idx` ON `programme_costs` (`partner_id`,`period`);--> statement-breakpoint
ALTER TABLE `revenue_lines` ADD `product_id` text;--> statement-breakpoint
ALTER TABLE `revenue_lines` ADD `price_id` text;--> statement-breakpoint
ALTER TABLE `revenue_lines` ADD `cash_received` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `revenue_lines` ADD `source` text DEFAULT '' NOT NULL;