# The two commands of README.md. Both set up everything they need first.
.PHONY: run test setup lint
run:
	bash tools/run.sh
test:
	bash tools/test.sh
setup:
	bash tools/setup.sh
