/* The floor `survey import` is measured against: a bare libcsv parse of a file.
 *
 * Reads FILE in 1 MiB chunks, feeds them to csv_parse and counts records and fields in the
 * callbacks; nothing is decoded, validated or kept. Prints "RECORDS FIELDS BYTES" on stdout.
 *
 *     cc -O2 bench/csvcount.c -lcsv -o bench/data/csvcount
 *     bench/data/csvcount bench/data/responses-1000000.csv
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counts {
    unsigned long long records;
    unsigned long long fields;
};

static void on_field(void *data, size_t length, void *context) {
    (void)data;
    (void)length;
    ((struct counts *)context)->fields++;
}

static void on_record(int terminator, void *context) {
    (void)terminator;
    ((struct counts *)context)->records++;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.csv\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (file == NULL) {
        perror(argv[1]);
        return 1;
    }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "csv_init failed\n");
        return 1;
    }
    size_t chunk = 1 << 20;
    char *buffer = malloc(chunk);
    if (buffer == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    struct counts counts = {0, 0};
    unsigned long long bytes = 0;
    size_t read;
    while ((read = fread(buffer, 1, chunk, file)) > 0) {
        bytes += read;
        if (csv_parse(&parser, buffer, read, on_field, on_record, &counts) != read) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    if (ferror(file)) {
        perror(argv[1]);
        return 1;
    }
    if (csv_fini(&parser, on_field, on_record, &counts) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
        return 1;
    }
    csv_free(&parser);
    free(buffer);
    fclose(file);
    printf("%llu %llu %llu\n", counts.records, counts.fields, bytes);
    return 0;
}
