CREATE INDEX `partners_company_nocase_idx` ON `partners` ("company" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `partners_registered_idx` ON `partners` (`registered_on`,`id`);--> statement-breakpoint
CREATE INDEX `partners_country_idx` ON `partners` (`country`,"company" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `partners_status_registered_idx` ON `partners` (`status`,`registered_on`,`id`);