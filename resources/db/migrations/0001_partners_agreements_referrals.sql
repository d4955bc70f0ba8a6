CREATE TABLE `onboarding_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`step` text NOT NULL,
	`due_on` text,
	`done_on` text,
	`owner` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_partner_step_uq` ON `onboarding_steps` (`partner_id`,`step`);--> statement-breakpoint
CREATE TABLE `partner_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`uploaded_at` text NOT NULL,
	`uploaded_by` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_attachments_partner_idx` ON `partner_attachments` (`partner_id`);--> statement-breakpoint
CREATE TABLE `partner_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_contacts_partner_idx` ON `partner_contacts` (`partner_id`);--> statement-breakpoint
CREATE TABLE `partner_extras` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`description` text NOT NULL,
	`cost_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`billing` text NOT NULL,
	`agreed_on` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_extras_partner_idx` ON `partner_extras` (`partner_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`table_id` text NOT NULL,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_user_table_name_uq` ON `saved_views` (`user_id`,`table_id`,`name`);--> statement-breakpoint
CREATE TABLE `agreement_events` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`served_by` text,
	`terminates_on` text,
	`cured_on` text,
	`reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_events_agreement_idx` ON `agreement_events` (`agreement_id`,`on_date`);--> statement-breakpoint
CREATE TABLE `attribution_disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`claimant_partner_id` text NOT NULL,
	`current_partner_id` text,
	`opened_on` text NOT NULL,
	`evidence` text NOT NULL,
	`status` text NOT NULL,
	`decided_on` text,
	`decided_by` text,
	`decision_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimant_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attribution_disputes_status_idx` ON `attribution_disputes` (`status`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`company` text NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_email` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`registered_on` text NOT NULL,
	`qualified_on` text,
	`qualification_note` text DEFAULT '' NOT NULL,
	`decided_on` text,
	`lost_reason` text DEFAULT '' NOT NULL,
	`customer_id` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leads_partner_idx` ON `leads` (`partner_id`,`status`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_id` text NOT NULL,
	`format` text NOT NULL,
	`company` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`focus_market` text DEFAULT '' NOT NULL,
	`expected_tenants_per_year` integer DEFAULT 0 NOT NULL,
	`pipeline_note` text DEFAULT '' NOT NULL,
	`submitted_on` text NOT NULL,
	`status` text NOT NULL,
	`decided_at` text,
	`decided_by` text,
	`reject_reason` text,
	`decision_note` text DEFAULT '' NOT NULL,
	`partner_id` text,
	`approved_rate_bps` integer,
	`plan_id` text,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `applications` (`status`,`submitted_on`);--> statement-breakpoint
CREATE TABLE `promo_slots` (
	`programme_id` text NOT NULL,
	`slot_no` integer NOT NULL,
	`partner_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	PRIMARY KEY(`programme_id`, `slot_no`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_slots_partner_uq` ON `promo_slots` (`partner_id`);--> statement-breakpoint
ALTER TABLE `partners` ADD `stripe_account_state` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `plan_id` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `commission_rate_bps` integer;--> statement-breakpoint
ALTER TABLE `partners` ADD `focus_market` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `website` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `tax_form_kind` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `tax_form_received_on` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `tax_form_expires_on` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `integration_type` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `hosted_signup_url` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `crm_access_scope` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `gdpr_confirmed_on` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `gdpr_confirmed_by` text;--> statement-breakpoint
CREATE INDEX `partners_status_idx` ON `partners` (`status`);--> statement-breakpoint
ALTER TABLE `programmes` ADD `promo_slot_capacity` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `promo_code` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `product_line` text DEFAULT '' NOT NULL;