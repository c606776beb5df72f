// One function per subcommand: each adds its options to the app and runs the
// library when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace zhmine::app {

void add_check_command(CLI::App& app);
void add_diff_command(CLI::App& app);
void add_figures_command(CLI::App& app);
void add_normalize_command(CLI::App& app);
void add_patterns_command(CLI::App& app);
void add_segment_command(CLI::App& app);

}  // namespace zhmine::app
