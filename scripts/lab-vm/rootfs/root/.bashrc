# The prompt is what scripts/lab-vm/run.ts waits for: keep the two in step.
PS1='root@lab:\w# '
