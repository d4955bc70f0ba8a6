CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `workspace_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_id` text NOT NULL,
	`company` text NOT NULL,
	`format` text NOT NULL,
	`status` text NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_email` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`promo_code` text,
	`stripe_account_id` text,
	`registered_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partners_programme_idx` ON `partners` (`programme_id`);--> statement-breakpoint
CREATE INDEX `partners_company_idx` ON `partners` (`company`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`currency` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_code_unique` ON `programmes` (`code`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`version` integer NOT NULL,
	`effective_on` text NOT NULL,
	`initial_term_months` integer NOT NULL,
	`after_initial_term` text NOT NULL,
	`notice_unit` text NOT NULL,
	`notice_count` integer NOT NULL,
	`governing_law` text NOT NULL,
	`post_termination` text NOT NULL,
	`cure_period_days` integer,
	`non_solicit_months` integer,
	`breach_outcome` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_partner_version_uq` ON `agreements` (`partner_id`,`version`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text,
	`external_ref` text,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`attribution` text,
	`sign_up_on` text NOT NULL,
	`closed_on` text,
	`cancelled_on` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_external_ref_unique` ON `customers` (`external_ref`);--> statement-breakpoint
CREATE INDEX `customers_partner_idx` ON `customers` (`partner_id`);--> statement-breakpoint
CREATE TABLE `revenue_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`external_ref` text,
	`paid_on` text NOT NULL,
	`currency` text NOT NULL,
	`category` text NOT NULL,
	`product` text DEFAULT '' NOT NULL,
	`gross_minor` integer NOT NULL,
	`discount_minor` integer DEFAULT 0 NOT NULL,
	`kind` text NOT NULL,
	`refers_to` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revenue_lines_external_ref_unique` ON `revenue_lines` (`external_ref`);--> statement-breakpoint
CREATE INDEX `revenue_customer_paid_idx` ON `revenue_lines` (`customer_id`,`paid_on`);