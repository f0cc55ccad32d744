# Builds one function for `sam build` (see functions/*/Makefile): compiles its module with the
# parent POM in reach, then copies the layout the Lambda Java runtime loads (jars under lib/).
MVN ?= mvn -B -q

.PHONY: lambda
lambda:
	$(MVN) -pl $(MODULE) -am -DskipTests package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R $(MODULE)/target/lambda/lib/. "$(ARTIFACTS_DIR)/lib/"
	cp $(MODULE)/target/$(notdir $(MODULE))-*.jar "$(ARTIFACTS_DIR)/lib/"
