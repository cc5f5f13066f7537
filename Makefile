# The two commands of README.md. Both set up everything they need first.
.PHONY: run test setup lint backup restore upgrade-check scale-out-check
run:
	bash tools/run.sh
test:
	bash tools/test.sh
setup:
	bash tools/setup.sh

# Production chores (README "Production"): one dated archive of the database
# and its filestore in backups/, and back as a new database.
backup:
	bash tools/backup.sh $(DB)
restore:
	@test -n "$(FILE)" -a -n "$(DB)" || { echo "usage: make restore FILE=backups/x.tar DB=name"; exit 1; }
	bash tools/restore.sh "$(FILE)" "$(DB)"
# Checks also run by `make test`, here on the demo database (or DB=...).
upgrade-check:
	bash tools/upgrade_check.sh $(or $(DB),paperless_demo)
scale-out-check:
	.venv/bin/python tools/scale_out_check.py $(or $(DB),paperless_demo)
