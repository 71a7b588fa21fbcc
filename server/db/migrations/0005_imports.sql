CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`format` text NOT NULL,
	`speakers` text NOT NULL,
	`you` text NOT NULL,
	`kind` text NOT NULL,
	`turns` text NOT NULL,
	`trust_path` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imports_created_idx` ON `imports` (`created_at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `import_id` text REFERENCES imports(id);