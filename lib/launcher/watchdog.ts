/**
 * Preloaded into every child (`node --import`): when the supervisor dies, however it dies, the
 * IPC channel closes and the child exits instead of staying orphaned and listening. The channel is
 * unref'd so it never keeps a child alive on its own.
 */
if (process.channel !== undefined) {
  process.channel.unref();
  process.once('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
    // A child whose own SIGTERM handler hangs still goes.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
