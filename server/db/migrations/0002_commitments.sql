CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`partner` text NOT NULL,
	`text` text NOT NULL,
	`source_key` text NOT NULL,
	`due` text,
	`done` integer DEFAULT false NOT NULL,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_session_source_idx` ON `commitments` (`session_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `commitments_due_idx` ON `commitments` (`done`,`due`);