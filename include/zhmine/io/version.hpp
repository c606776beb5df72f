#pragma once

namespace zhmine {

const char* version();

}  // namespace zhmine
