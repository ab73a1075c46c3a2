-- How many approved translations in force gave an editor's entry its text (a standard paragraph approved in many
-- articles): an approval taken back forgets the entry only when it was the last. Entries remembered before this
-- counted one.
alter table translation_memory add column approvals integer not null default 1;
