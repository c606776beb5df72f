// zhmine: text mining for archives of Chinese work reports.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "zhmine/io/heap_policy.hpp"
#include "zhmine/io/version.hpp"

int main(int argc, char** argv) {
  zhmine::keep_freed_memory();
  CLI::App app{"zhmine: text mining for archives of Chinese reports. Reads files or JSON Lines, writes JSON Lines."};
  app.set_version_flag("--version", std::string("zhmine ") + zhmine::version());
  app.require_subcommand(1);
  zhmine::app::add_check_command(app);
  zhmine::app::add_diff_command(app);
  zhmine::app::add_figures_command(app);
  zhmine::app::add_normalize_command(app);
  zhmine::app::add_patterns_command(app);
  zhmine::app::add_segment_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& done) {
    return done.get_exit_code();  // a command's own exit status
  } catch (const CLI::ParseError& e) {
    // Usage errors exit 2, as documented; --help and --version exit 0.
    const int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  return 0;
}
