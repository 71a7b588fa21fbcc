CREATE TABLE `written_summaries` (
	`session_id` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`review` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
