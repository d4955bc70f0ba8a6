CREATE TABLE `attribution_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`pattern` text NOT NULL,
	`partner_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attribution_rules_uq` ON `attribution_rules` (`kind`,`pattern`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`result` text,
	`created_at` text NOT NULL,
	`first_sent_at` text,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `stripe_product_mappings` (
	`stripe_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`category` text,
	`excluded` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stripe_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`restricted_key` text,
	`mode` text,
	`account_id` text,
	`account_name` text,
	`api_base` text,
	`checked_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stripe_sync_cursors` (
	`object_type` text PRIMARY KEY NOT NULL,
	`list_cursor` text,
	`listed_up_to` integer,
	`last_event_id` text,
	`last_event_created` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stripe_sync_log` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`kind` text NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`started_by` text,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
