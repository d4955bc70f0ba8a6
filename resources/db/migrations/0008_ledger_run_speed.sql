CREATE INDEX `customers_partner_run_idx` ON `customers` (`partner_id`,`id`,`name`,`sign_up_on`,`closed_on`,`cancelled_on`,`attribution`,`product_line`);--> statement-breakpoint
-- Written out by hand: drizzle-kit 0.31 splits an index expression at its commas (`substr("paid_on"`,` 1`,` 7)`).
CREATE INDEX `revenue_month_customer_idx` ON `revenue_lines` (substr(`paid_on`, 1, 7),`customer_id`,`paid_on`,`id`,`currency`,`category`,`gross_minor`,`discount_minor`,`kind`,`refers_to`,`product_id`,`price_id`,`cash_received`);
