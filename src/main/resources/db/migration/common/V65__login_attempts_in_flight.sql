-- A sign-in attempt is counted before its password is checked (so that simultaneous guesses see each other), as a
-- pending row; it becomes a failure (pending false) when its password is wrong, and is deleted when it succeeds.
-- An attempt that finds the limit reached only because others are still in flight waits for them to settle instead
-- of being refused: a right password is never refused because other attempts arrived at the same moment.
alter table login_failure add column pending boolean default false not null;
