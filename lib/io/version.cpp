#include "zhmine/io/version.hpp"

namespace zhmine {

const char* version() { return ZHMINE_VERSION; }

}  // namespace zhmine
