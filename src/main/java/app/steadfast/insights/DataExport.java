package app.steadfast.insights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a person wrote, and everything kept about them, as one zip: each table as
 * JSON (complete, nested) and as CSV (one row per record, nested parts as JSON text). It
 * collects every module's {@link PersonalData} without knowing the modules.
 */
@Component
class DataExport {

	private final List<PersonalData> sources;

	private final JsonMapper json;

	DataExport(List<PersonalData> sources, JsonMapper json) {
		this.sources = sources;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	/** Every table of the person's data, by name, as JSON trees. */
	@Transactional(readOnly = true)
	Map<String, List<JsonNode>> tables(AccountId person) {
		Map<String, List<JsonNode>> tables = new TreeMap<>();
		for (PersonalData source : this.sources) {
			source.of(person.value()).forEach((name, rows) -> {
				List<JsonNode> nodes = new ArrayList<>();
				rows.forEach((row) -> nodes.add(this.json.valueToTree(row)));
				tables.put(name, nodes);
			});
		}
		return tables;
	}

	/**
	 * The zip: a short note, then {@code
	 *
	<table>
	 * .json} and {@code
	 *
	<table>
	 * .csv} for each.
	 */
	byte[] zip(AccountId person) {
		Map<String, List<JsonNode>> tables = tables(person);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			entry(zip, "README.txt", """
					Your data from Steadfast
					========================

					Everything you wrote, and everything the practice keeps about you, as it was when you
					downloaded this. Each part comes twice: as JSON (complete) and as CSV (opens in a
					spreadsheet; parts with several values are written as JSON text in one cell).

					Keep this file somewhere private. It holds your own words, unencrypted.
					""".getBytes(StandardCharsets.UTF_8));
			for (Map.Entry<String, List<JsonNode>> table : tables.entrySet()) {
				entry(zip, table.getKey() + ".json", this.json.writeValueAsBytes(table.getValue()));
				entry(zip, table.getKey() + ".csv", csv(table.getValue()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private byte[] csv(List<JsonNode> rows) throws IOException {
		Set<String> columns = new LinkedHashSet<>();
		List<Map<String, String>> flat = new ArrayList<>();
		for (JsonNode row : rows) {
			Map<String, String> cells = new LinkedHashMap<>();
			if (row.isObject()) {
				for (Map.Entry<String, JsonNode> field : row.properties()) {
					cells.put(field.getKey(), cell(field.getValue()));
				}
			}
			else {
				cells.put("value", cell(row));
			}
			columns.addAll(cells.keySet());
			flat.add(cells);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
				CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())) {
			for (Map<String, String> cells : flat) {
				List<String> values = new ArrayList<>();
				for (String column : columns) {
					values.add(cells.getOrDefault(column, ""));
				}
				printer.printRecord(values);
			}
		}
		return bytes.toByteArray();
	}

	private String cell(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : this.json.writeValueAsString(value);
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

}
