# The two commands of the README, and a few conveniences. Every target sets up
# .venv/ itself, so any of them works on a fresh clone.
.PHONY: run test setup build neo4j-start neo4j-stop neo4j-status lint bench screenshots

run:            ## set up, ingest the seeds, build the graph, open the app
	scripts/run.sh

test:           ## set up everything (venv, Neo4j, Chromium) and run all tests
	scripts/test.sh

setup:
	scripts/setup.sh

build: setup
	.venv/bin/innograph build data/seeds

neo4j-start: setup
	.venv/bin/innograph neo4j start

neo4j-stop: setup
	.venv/bin/innograph neo4j stop

neo4j-status: setup
	.venv/bin/innograph neo4j status

lint: setup
	.venv/bin/ruff check .

screenshots:    ## redraw docs/screenshots/ with the browser test (on Neo4j, like make test)
	INNOGRAPH_SCREENSHOTS=$(CURDIR)/docs/screenshots scripts/test.sh tests/browser
