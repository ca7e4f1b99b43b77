// The C bridge between Swift and gnuplot-iostream (header-only C++ library using Boost).
#include "CGnuplot.h"
#include <gnuplot-iostream.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

/// Copies `text` into a caller-provided buffer, always NUL-terminated.
void copy_message(const std::string &text, char *message, size_t capacity) {
    if (!message || capacity == 0) return;
    size_t n = std::min(text.size(), capacity - 1);
    std::memcpy(message, text.data(), n);
    message[n] = '\0';
}

/// Quotes a string for /bin/sh with single quotes.
std::string shell_quote(const std::string &text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''"; else out += c;
    }
    return out + "'";
}

/// Reads a whole file, or "" when it cannot be read.
std::string read_file(const std::string &path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

extern "C" int cgnuplot_version(void) { return GNUPLOT_IOSTREAM_VERSION; }

extern "C" int cgnuplot_write_table(const char *path, const double *values, size_t rows, size_t columns,
                                    size_t block, char *message, size_t message_capacity) {
    try {
        std::ofstream out(path);
        if (!out) {
            copy_message(std::string("cannot open ") + path + ": " + std::strerror(errno), message, message_capacity);
            return 1;
        }
        out << std::setprecision(17);
        if (block == 0) {
            std::vector<std::vector<double>> table(rows, std::vector<double>(columns));
            for (size_t r = 0; r < rows; ++r)
                for (size_t c = 0; c < columns; ++c) table[r][c] = values[r * columns + c];
            gnuplotio::top_level_array_sender(out, table, gnuplotio::Mode1D(), gnuplotio::ModeText());
        } else {
            // Blocks of `block` rows, separated by blank lines (gnuplot's grid format).
            std::vector<std::vector<std::vector<double>>> grid;
            for (size_t r = 0; r < rows; ++r) {
                if (r % block == 0) grid.emplace_back();
                grid.back().emplace_back(values + r * columns, values + (r + 1) * columns);
            }
            gnuplotio::top_level_array_sender(out, grid, gnuplotio::Mode2D(), gnuplotio::ModeText());
        }
        out.close();
        if (!out) {
            copy_message(std::string("cannot write ") + path, message, message_capacity);
            return 1;
        }
        return 0;
    } catch (const std::exception &error) {
        copy_message(std::string("gnuplot-iostream: ") + error.what(), message, message_capacity);
        return 1;
    }
}

extern "C" int cgnuplot_run(const char *executable, const char *directory, const char *commands,
                            char *message, size_t message_capacity) {
    std::string dir(directory);
    std::string err_path = dir + "/.gnuplot-stderr";
    std::string status_path = dir + "/.gnuplot-status";
    std::string command = "cd " + shell_quote(dir) + " && " + shell_quote(executable) + " 2>" +
                          shell_quote(err_path) + "; echo $? >" + shell_quote(status_path);
    try {
        {
            Gnuplot gp(command);
            gp << commands << "\n" << "exit\n";
            gp.flush();
        }  // The destructor closes the pipe and waits for gnuplot.
    } catch (const std::exception &error) {
        copy_message(std::string("cannot start gnuplot: ") + error.what(), message, message_capacity);
        return -1;
    }
    std::string errors = read_file(err_path);
    std::string status_text = read_file(status_path);
    std::remove(err_path.c_str());
    std::remove(status_path.c_str());
    copy_message(errors, message, message_capacity);
    if (status_text.empty()) {
        copy_message("gnuplot did not report an exit status; " + errors, message, message_capacity);
        return -1;
    }
    return std::atoi(status_text.c_str());
}
