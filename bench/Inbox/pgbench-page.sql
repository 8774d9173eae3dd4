-- A second reference for bench/run-inbox.sh, shaped like one inbox call: a page of 25 rows in index order, then a count of
-- ~500 rows through the same index (pgbench_accounts after `pgbench -i -s 10`: 1,000,000 rows, primary key on aid).
\set aid random(1, 100000 * :scale - 500)
SELECT aid, bid, abalance, filler FROM pgbench_accounts WHERE aid >= :aid ORDER BY aid LIMIT 25;
SELECT count(*) FROM pgbench_accounts WHERE aid BETWEEN :aid AND :aid + 499;
