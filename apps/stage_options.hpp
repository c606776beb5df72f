// The options every document command shares (see docs/conventions.md).
#pragma once

#include <CLI/CLI.hpp>

#include "zhmine/stage.hpp"

namespace zhmine::app {

// Adds FILE|DIR..., -o, -j, --stats, --encoding and --script to `command`.
void add_stage_options(CLI::App& command, StageOptions& options);

}  // namespace zhmine::app
