CREATE TABLE `draft_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`version` integer NOT NULL,
	`file_id` text,
	`anchor_start` integer,
	`anchor_end` integer,
	`anchor_page` integer,
	`quote` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`by_user` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `marketing_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `draft_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_comments_draft_idx` ON `draft_comments` (`draft_id`,`version`);--> statement-breakpoint
CREATE TABLE `draft_events` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`version` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`reason` text,
	`note` text DEFAULT '' NOT NULL,
	`checklist` text,
	`content_hash` text,
	`by_user` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `marketing_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_events_draft_idx` ON `draft_events` (`draft_id`,`at`);--> statement-breakpoint
CREATE TABLE `draft_files` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`position` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`text` text,
	`page_count` integer,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_files_version_idx` ON `draft_files` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `draft_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`version` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`content_hash` text NOT NULL,
	`submitted_by` text NOT NULL,
	`submitted_at` text NOT NULL,
	`reviewed_at` text,
	FOREIGN KEY (`draft_id`) REFERENCES `marketing_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_versions_draft_version_uq` ON `draft_versions` (`draft_id`,`version`);--> statement-breakpoint
CREATE TABLE `marketing_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`agreement_id` text,
	`title` text NOT NULL,
	`channel` text NOT NULL,
	`campaign_starts_on` text NOT NULL,
	`campaign_ends_on` text,
	`state` text NOT NULL,
	`current_version` integer NOT NULL,
	`assigned_to` text,
	`due_on` text,
	`registered_by` text NOT NULL,
	`registered_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `marketing_drafts_state_due_idx` ON `marketing_drafts` (`state`,`due_on`);--> statement-breakpoint
CREATE INDEX `marketing_drafts_partner_idx` ON `marketing_drafts` (`partner_id`);