ALTER TABLE `import_batch` ADD `source` blob;--> statement-breakpoint
ALTER TABLE `import_batch` ADD `encoding_checked` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batch` ADD `choices` text;--> statement-breakpoint
ALTER TABLE `import_batch` ADD `school_year_id` integer REFERENCES school_year(id);